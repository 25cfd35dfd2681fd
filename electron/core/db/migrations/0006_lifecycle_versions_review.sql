ALTER TABLE `cases` ADD `intake_version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `decisions` ADD `review` text;--> statement-breakpoint
ALTER TABLE `decisions` ADD `reopened_at` text;--> statement-breakpoint
ALTER TABLE `decisions` ADD `reopened_by` text;--> statement-breakpoint
ALTER TABLE `decisions` ADD `reopen_reason` text;--> statement-breakpoint
ALTER TABLE `documents` ADD `intake_version` integer;--> statement-breakpoint
ALTER TABLE `documents` ADD `person_ids` text;--> statement-breakpoint
ALTER TABLE `documents` ADD `superseded_at` text;--> statement-breakpoint
-- A decision waiting for the supervisor is its own status now (shared/case/lifecycle.ts).
UPDATE `cases` SET `status` = 'under_review' WHERE `status` = 'decided' AND `review_status` = 'pending';--> statement-breakpoint
-- Packets of cases already withdrawn leave the print queue.
UPDATE `documents` SET `superseded_at` = (SELECT `withdrawn_at` FROM `cases` c WHERE c.`id` = `documents`.`case_id`) WHERE `type` = 'referral_packet' AND `case_id` IN (SELECT `id` FROM `cases` WHERE `status` = 'withdrawn');
