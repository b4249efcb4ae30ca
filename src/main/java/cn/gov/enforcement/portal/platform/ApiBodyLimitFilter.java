package cn.gov.enforcement.portal.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Bounds the body of a request to the JSON API ({@code /api/…}) at {@link #MAX_BODY} bytes before anything parses it:
 * a larger declared length is answered 413 at once, and a body sent without a length stops being read at the limit
 * (the request then fails as unreadable, 400). The API's requests are small (an eligibility check's answers).
 */
@Component
public class ApiBodyLimitFilter extends ApiFilter {

    /** The largest body the API reads. */
    public static final int MAX_BODY = 64 * 1024;

    private final Translations translations;

    ApiBodyLimitFilter(Translations translations) {
        this.translations = translations;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        if (length > MAX_BODY) {
            String message = translations.get(LanguagePreference.forApiRequest(request), "platform.error.bodyTooLarge",
                    MAX_BODY / 1024);
            JsonApiErrors.write(response, HttpStatus.PAYLOAD_TOO_LARGE.value(),
                    JsonApiErrors.body(JsonApiErrors.TOO_LARGE, message));
            return;
        }
        chain.doFilter(length < 0 ? new Limited(request) : request, response);
    }

    /** A request whose body stops being read once {@link #MAX_BODY} bytes have come. */
    private static final class Limited extends HttpServletRequestWrapper {

        private ServletInputStream limited;

        Limited(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (limited == null) {
                ServletInputStream in = super.getInputStream();
                limited = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0 && ++read > MAX_BODY) {
                            throw new IOException("Request body larger than " + MAX_BODY + " bytes");
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int count) throws IOException {
                        int n = in.read(buffer, offset, count);
                        if (n > 0 && (read += n) > MAX_BODY) {
                            throw new IOException("Request body larger than " + MAX_BODY + " bytes");
                        }
                        return n;
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return limited;
        }
    }
}
