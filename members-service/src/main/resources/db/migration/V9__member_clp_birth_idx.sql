-- A CLP's members by date of birth: the members list filtered by CLP and age band (young members first of all) counts
-- them from this index alone and reads only the members in the band. With the CLP index alone both the count and the
-- page read each of the CLP's members from the table (759 pages for 67 members at 500,000, measured).
create index member_clp_birth_idx on member (clp_code, date_of_birth) where erased_at is null;
