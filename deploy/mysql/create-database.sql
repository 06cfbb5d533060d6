-- Run once as a MySQL 8 administrator. Flyway creates and migrates the tables when Tandem starts.
CREATE DATABASE IF NOT EXISTS tandem CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
CREATE USER IF NOT EXISTS 'tandem'@'%' IDENTIFIED BY 'change-me';
GRANT SELECT, INSERT, UPDATE, DELETE, CREATE, ALTER, INDEX, DROP, REFERENCES ON tandem.* TO 'tandem'@'%';

-- A fresh MariaDB (Debian's mariadb-install-db, for one) also has anonymous accounts ''@'localhost' and
-- ''@'<hostname>'. For a connection from this machine they are a better match than 'tandem'@'%', so the app
-- is refused with ERROR 1045 (Access denied for user 'tandem'@'localhost'). List them with
--   SELECT user, host FROM mysql.user WHERE user = '';
-- and drop them (put the server's host name in the second line):
--   DROP USER ''@'localhost';
--   DROP USER ''@'<hostname>';
