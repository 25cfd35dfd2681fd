CREATE INDEX `case_stages_case_action_date` ON `case_stages` (`case_id`,`action`,`occurred_on`);--> statement-breakpoint
CREATE INDEX `cases_status` ON `cases` (`status`);--> statement-breakpoint
CREATE INDEX `documents_case_type_at` ON `documents` (`case_id`,`type`,`generated_at`,`generated_by`);