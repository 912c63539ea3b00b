-- Which CLPs have no safeguarding lead of their own, as notifier-service (which routes safeguarding emails) last said
-- (safeguarding.cover-changed): the organiser's dashboard says so, and who hears of those CLPs' concerns instead.
create table safeguarding_cover (
    clp_code   varchar(20) primary key,
    own_lead   boolean     not null,
    fallback   varchar(20)
);
