CREATE TABLE `cases` (
	`id` text PRIMARY KEY NOT NULL,
	`case_number` text NOT NULL,
	`status` text NOT NULL,
	`channel` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cases_case_number` ON `cases` (`case_number`);--> statement-breakpoint
CREATE INDEX `cases_updated_at` ON `cases` (`updated_at`);--> statement-breakpoint
CREATE TABLE `counters` (
	`name` text PRIMARY KEY NOT NULL,
	`value` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `persons` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`position` integer NOT NULL,
	`relationship` text NOT NULL,
	`name_as_written` text NOT NULL,
	`name_latin` text NOT NULL,
	`date_of_birth` text NOT NULL,
	`nationality` text NOT NULL,
	`uci` text,
	`search_text` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `persons_case` ON `persons` (`case_id`,`position`);--> statement-breakpoint
CREATE INDEX `persons_uci` ON `persons` (`uci`);--> statement-breakpoint
CREATE INDEX `persons_dob` ON `persons` (`date_of_birth`);