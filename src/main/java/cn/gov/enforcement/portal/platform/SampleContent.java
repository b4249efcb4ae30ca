package cn.gov.enforcement.portal.platform;

/**
 * A module whose published content may be labelled as sample (the agencies and the lists shipped in
 * {@code knowledge-base/}). The page footer says that the portal shows sample data only while some module answers
 * true, so a portal running on real content never claims to be a demonstration.
 */
public interface SampleContent {

    /** True while any content the module shows the public is a sample. */
    boolean showsSamples();
}
