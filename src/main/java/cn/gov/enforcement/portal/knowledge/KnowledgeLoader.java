package cn.gov.enforcement.portal.knowledge;

/**
 * Implemented by a content module that owns one folder of the knowledge base. The knowledge base
 * calls every loader at startup and when an administrator asks for a reload.
 */
public interface KnowledgeLoader {

    /** The folder under the knowledge base root, e.g. {@code agencies}. */
    String folder();

    /**
     * Reads the folder's files from the knowledge base, validates them, stores what changed
     * (files with problems are skipped) and reports the outcome.
     */
    LoadReport load(KnowledgeBase knowledgeBase);
}
