-- The readiness figures, the dashboard's blocking list and every station page ask for each link's latest test
-- (MAX(id) per link): without this index that is a scan of all tests per link, which grows with every probe.
CREATE INDEX link_test_link_idx ON link_test (link_id, id);
