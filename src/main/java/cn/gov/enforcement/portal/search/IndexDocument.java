package cn.gov.enforcement.portal.search;

import java.util.Map;

/** One document to put into an index: its id and its JSON source as a map. */
public record IndexDocument(String id, Map<String, Object> source) {}
