ALTER TABLE `audit_log` ADD `detail` text;--> statement-breakpoint
-- Append-only also against inserts: an entry may only go after the last one. `INSERT OR REPLACE`
-- of an existing seq (which deletes without firing the delete trigger) is refused here too.
CREATE TRIGGER `audit_log_append_only` BEFORE INSERT ON `audit_log` WHEN NEW.`seq` <= (SELECT max(`seq`) FROM `audit_log`) BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
