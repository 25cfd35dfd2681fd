DROP INDEX `cases_attention`;--> statement-breakpoint
CREATE INDEX `cases_due` ON `cases` (`attention_on`,`status`,`updated_by`,`id`,`case_number`,`referred_at`,`task_facts`) WHERE "cases"."attention_on" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `documents_generated_by` ON `documents` (`generated_by`,`type`,`case_id`);