package cn.gov.enforcement.portal.agency;

import java.util.List;

/** One page of agencies and the number of all matches. */
public record AgencySearchResult(long total, List<AgencySummary> items) {}
