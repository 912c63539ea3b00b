-- Search within one CLP (a secretary's, or a list's CLP) found every member matching its words nationally and then
-- dropped those of other CLPs: "oliver" in one CLP read 16,733 entries on 8,069 pages for 33 matches (33 ms median in
-- psql at 500,000). The trigram index now also holds each entry's CLP (btree_gin), so one index scan answers both the
-- CLP and the words: 1.7 ms for "oliver", 0.6 ms instead of 4.8 ms for "smith" in one CLP. A separate B-tree on the
-- CLP and a BitmapAnd got 8.6 ms, and a search with no CLP still uses this index for its words alone (as fast as
-- before: "smith" 10.4 against 11.0 ms, "Oliver Whitwell" 4.0 against 3.6 ms, medians of 40, measured side by side).
-- One more index entry per member rather than one more index: each member already has dozens of trigram entries.
create extension if not exists btree_gin;
drop index member_search_idx;
-- Same name: an import merges the index's pending entries by it.
create index member_search_idx on member_search using gin (clp_code, search_text gin_trgm_ops);
