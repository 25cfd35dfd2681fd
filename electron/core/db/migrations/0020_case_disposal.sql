-- Retention and disposal (issue 14 point 4): when a case's personal data was disposed of, by whom
-- and why (the case row stays, with what the reports count); and two covering indexes so each
-- case's last administrative use is read from indexes, not from the decisions' 7 KB rows.
ALTER TABLE `cases` ADD `disposed_at` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `disposed_by` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `disposal_reason` text;--> statement-breakpoint
CREATE INDEX `case_stages_case_recorded` ON `case_stages` (`case_id`,`recorded_at`);--> statement-breakpoint
CREATE INDEX `decisions_case_use` ON `decisions` (`case_id`,`decided_at`,`reviewed_at`,`reopened_at`);--> statement-breakpoint
-- Stage history is still never edited, with one exception: the disposal of a case's personal data
-- (retention/dispose.ts) reduces its entries' facts and reason texts, once the case row is marked
-- disposed, in the same transaction. No other column may change.
DROP TRIGGER `case_stages_append_only`;--> statement-breakpoint
CREATE TRIGGER `case_stages_append_only` BEFORE UPDATE ON `case_stages`
  WHEN (SELECT `disposed_at` FROM `cases` WHERE `id` = OLD.`case_id`) IS NULL
    OR NEW.`id` IS NOT OLD.`id` OR NEW.`case_id` IS NOT OLD.`case_id` OR NEW.`seq` IS NOT OLD.`seq` OR NEW.`action` IS NOT OLD.`action`
    OR NEW.`occurred_on` IS NOT OLD.`occurred_on` OR NEW.`source` IS NOT OLD.`source` OR NEW.`status_before` IS NOT OLD.`status_before`
    OR NEW.`status_after` IS NOT OLD.`status_after` OR NEW.`corrects_id` IS NOT OLD.`corrects_id` OR NEW.`recorded_at` IS NOT OLD.`recorded_at`
    OR NEW.`recorded_by` IS NOT OLD.`recorded_by`
BEGIN SELECT RAISE(ABORT, 'case_stages is append-only'); END;
