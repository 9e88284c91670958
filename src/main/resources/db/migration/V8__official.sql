-- The officials by national code (issue 18): their names and how to reach them, their role and the place they hold it
-- in, the engine account they sign in with, and whether they still serve. One writer: people/OfficialRoster.
CREATE TABLE official (
    national_code VARCHAR(10)  PRIMARY KEY,
    user_id       VARCHAR(64)  NOT NULL UNIQUE,
    first_name    VARCHAR(100) NOT NULL,
    last_name     VARCHAR(100) NOT NULL,
    mobile        VARCHAR(11),
    email         VARCHAR(254),
    role          VARCHAR(40)  NOT NULL,
    place         VARCHAR(40)  NOT NULL,
    active        BOOLEAN      NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX official_place ON official (place);
