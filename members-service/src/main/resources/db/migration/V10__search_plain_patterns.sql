-- Search now folds its words once and matches them as plain LIKE patterns (MemberService.searchCondition): the
-- function that folded the word inside every recheck is no longer called.
drop function oc_member_contains(text, text);
