CREATE TABLE `appointments` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`local_date` text NOT NULL,
	`local_time` text NOT NULL,
	`time_zone` text NOT NULL,
	`minutes` integer NOT NULL,
	`kind` text NOT NULL,
	`status` text NOT NULL,
	`booked_at` text NOT NULL,
	`booked_by` text,
	`status_at` text,
	`status_by` text,
	`rescheduled_from_id` text,
	`reason` text,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `appointments_day` ON `appointments` (`local_date`,`local_time`,`status`);--> statement-breakpoint
CREATE INDEX `appointments_case` ON `appointments` (`case_id`,`local_date`,`local_time`);--> statement-breakpoint
CREATE INDEX `appointments_status_day` ON `appointments` (`status`,`local_date`);--> statement-breakpoint
-- Appointments typed at hand-over before this table existed (cases.appointment_at, the office's wall time) become bookings:
-- an interview of 30 minutes in the office's time zone as set then, booked by whoever last changed the case, when it was screened.
INSERT INTO `appointments` (`id`, `case_id`, `local_date`, `local_time`, `time_zone`, `minutes`, `kind`, `status`, `booked_at`, `booked_by`)
SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-a' || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))),
       c.`id`, substr(c.`appointment_at`, 1, 10), substr(c.`appointment_at`, 12, 5),
       coalesce((SELECT json_extract(s.`value`, '$') FROM `settings` s WHERE s.`key` = 'office.timeZone'), 'America/Toronto'),
       30, 'interview', 'booked', coalesce(c.`screened_at`, c.`updated_at`), c.`updated_by`
  FROM `cases` c
 WHERE c.`appointment_at` GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]';--> statement-breakpoint
DROP INDEX `cases_appointment`;--> statement-breakpoint
ALTER TABLE `cases` DROP COLUMN `appointment_at`;