package cn.gov.enforcement.portal.agency;

/** One enforcement power (执法职权) of an agency. */
public record Power(String name, PowerKind kind) {}
