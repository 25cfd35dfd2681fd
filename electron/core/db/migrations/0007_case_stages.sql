CREATE TABLE `case_stages` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`seq` integer NOT NULL,
	`action` text NOT NULL,
	`occurred_on` text NOT NULL,
	`source` text NOT NULL,
	`details` text NOT NULL,
	`status_before` text NOT NULL,
	`status_after` text NOT NULL,
	`corrects_id` text,
	`reason` text,
	`recorded_at` text NOT NULL,
	`recorded_by` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `case_stages_case_seq` ON `case_stages` (`case_id`,`seq`);--> statement-breakpoint
CREATE INDEX `case_stages_action_date` ON `case_stages` (`action`,`occurred_on`);--> statement-breakpoint
-- History is never edited: a mistaken stage gets a correction entry instead.
CREATE TRIGGER `case_stages_append_only` BEFORE UPDATE ON `case_stages` BEGIN SELECT RAISE(ABORT, 'case_stages is append-only'); END;
