CREATE TABLE `decisions` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`outcome` text NOT NULL,
	`policy_version` text NOT NULL,
	`facts` text NOT NULL,
	`result` text NOT NULL,
	`decided_at` text NOT NULL,
	`decided_by` text NOT NULL,
	`override_outcome` text,
	`override_reason` text,
	`reviewed_at` text,
	`reviewed_by` text,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `decisions_case` ON `decisions` (`case_id`,`decided_at`);--> statement-breakpoint
CREATE TABLE `drafts` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`case_id` text,
	`base_version` integer,
	`revision` integer NOT NULL,
	`data` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `drafts_user` ON `drafts` (`user_id`,`updated_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `drafts_user_case` ON `drafts` (`user_id`,`case_id`);--> statement-breakpoint
ALTER TABLE `cases` ADD `updated_by` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `intake` text DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE `cases` ADD `application_date` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `appointment_at` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `decision_id` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `review_status` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `withdrawn_at` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `withdrawal_reason` text;--> statement-breakpoint
CREATE INDEX `cases_review` ON `cases` (`review_status`);--> statement-breakpoint
CREATE INDEX `cases_appointment` ON `cases` (`appointment_at`);