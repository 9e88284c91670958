-- Provinces are data (imported with the divisions), no longer a line of access.yml. A database seeded by an earlier
-- access.yml gets its province's row at start-up, named as its tenant was (division/PlaceSetup).
CREATE TABLE province (
    code VARCHAR(40)  PRIMARY KEY,
    name VARCHAR(200) NOT NULL
);
