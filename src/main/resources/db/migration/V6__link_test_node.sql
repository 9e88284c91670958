-- Which app node probed the link: in a cluster each node reaches the stations over its own network path, so a
-- result is read together with where it was measured from. NULL for tests recorded before nodes were named.
ALTER TABLE link_test ADD COLUMN checked_on VARCHAR(100);
