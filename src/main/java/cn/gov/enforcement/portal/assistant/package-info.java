/**
 * The self-check assistant (自查助手): a business describes its situation or asks a question in its own
 * words and gets the legal risks, the no- or lighter-penalty items and the articles that concern it,
 * found by the portal's own search. When a language model is configured (an OpenAI-compatible endpoint,
 * which Ollama also offers), it writes a short answer from those sources, citing them; without one, or
 * when it fails, the sources alone are the answer.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Assistant")
package cn.gov.enforcement.portal.assistant;
