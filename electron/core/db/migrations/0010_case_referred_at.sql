ALTER TABLE `cases` ADD `referred_at` text;--> statement-breakpoint
-- Cases referred before the column existed: the instant of their first referral packet.
UPDATE `cases` SET `referred_at` = (SELECT min(d.`generated_at`) FROM `documents` d WHERE d.`case_id` = `cases`.`id` AND d.`type` = 'referral_packet') WHERE `referred_at` IS NULL;
