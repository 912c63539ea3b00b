-- Near-spelling results are ordered by word_similarity per typed word, written out by MemberService.closestFirst on
-- words already folded: the function that folded and split the query again for every member scored is not called.
drop function oc_member_score(text, text);
