-- Change-log ids follow commit order: events/boundary/ChangeLog takes each id from this counter in the writing
-- transaction, which keeps the row locked until it ends (an AUTO_INCREMENT id is taken at insert, so a later id
-- could commit first and a rollback left a hole the stream could not tell from a slow commit). The counter
-- continues after every id used or purged so far.
INSERT INTO counter (name, next_value)
SELECT 'change_event_id', GREATEST((SELECT COALESCE(MAX(id), 0) FROM change_event), next_value) + 1
FROM counter WHERE name = 'change_event_purged_through';
