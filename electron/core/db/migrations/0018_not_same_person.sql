CREATE TABLE `not_same_person` (
	`person_a` text NOT NULL,
	`person_b` text NOT NULL,
	`case_id` text NOT NULL,
	`recorded_at` text NOT NULL,
	`recorded_by` text NOT NULL,
	PRIMARY KEY(`person_a`, `person_b`)
);
--> statement-breakpoint
CREATE INDEX `not_same_person_b` ON `not_same_person` (`person_b`);