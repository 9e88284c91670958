-- The stations' staff by national code (issue 18): a person staffs one station in one role, or is a reserve held by a
-- district. One writer: people/StaffRoster.
CREATE TABLE staff (
    national_code VARCHAR(10)  PRIMARY KEY,
    first_name    VARCHAR(100) NOT NULL,
    last_name     VARCHAR(100) NOT NULL,
    mobile        VARCHAR(11),
    role          VARCHAR(40)  NOT NULL,
    station_code  VARCHAR(40),
    district_code VARCHAR(40)  NOT NULL,
    county_code   VARCHAR(40)  NOT NULL,
    certified     BOOLEAN      NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX staff_station ON staff (station_code);
CREATE INDEX staff_county_district ON staff (county_code, district_code);
