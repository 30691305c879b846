ALTER TABLE `agenda_items` ADD `raised_by_department_id` integer REFERENCES departments(id);--> statement-breakpoint
ALTER TABLE `agenda_items` ADD `raised_by_user_id` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `agenda_items` ADD `raised_on` text;