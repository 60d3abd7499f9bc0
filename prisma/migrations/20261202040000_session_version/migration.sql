-- Sessions end when a password changes or a user is disabled (issue 10 item 5): session tokens carry the
-- user's session_version at sign-in and are refused once it has been bumped.
ALTER TABLE "users" ADD COLUMN "session_version" INTEGER NOT NULL DEFAULT 0;
