ALTER TABLE `cases` ADD `screened_at` text;--> statement-breakpoint
-- Cases screened before the column existed: the instant of their first successful screening in the audit trail (read only).
UPDATE `cases` SET `screened_at` = (SELECT min(a.`at`) FROM `audit_log` a WHERE a.`case_id` = `cases`.`id` AND a.`action` = 'case.screen' AND a.`outcome` = 'ok') WHERE `screened_at` IS NULL;
