ALTER TABLE `cases` ADD `attention_on` text;--> statement-breakpoint
CREATE INDEX `cases_attention` ON `cases` (`attention_on`);--> statement-breakpoint
-- Cases already referred: due for a look from their referral day (the task rules decide exactly).
UPDATE `cases` SET `attention_on` = substr(`referred_at`, 1, 10) WHERE `status` = 'referred' AND `referred_at` IS NOT NULL;
