package cn.gov.enforcement.portal.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a public JSON API controller. {@link JsonApiErrors} answers the errors of a marked controller
 * with the API's error body; views and other controllers are not affected. The keys name the messages
 * (in the caller's language) for a bad request parameter and for an unexpected failure.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface JsonApi {

    /**
     * Translation key of the 400 message for a parameter of the wrong type, a missing parameter, an
     * unreadable or wrongly typed request body.
     */
    String badParameterKey() default "platform.api.badParameter";

    /** Translation key of the 500 message for an unexpected failure. */
    String failureKey() default "platform.api.failure";
}
