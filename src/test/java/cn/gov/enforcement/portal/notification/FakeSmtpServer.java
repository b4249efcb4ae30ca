package cn.gov.enforcement.portal.notification;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny SMTP server on 127.0.0.1 that answers every RCPT TO with a configurable reply (for
 * example {@code 550 5.1.1 mailbox unavailable} or {@code 451 4.3.0 try again later}), so that
 * rejections GreenMail cannot produce can be tested. Sockets time out after a few seconds so that
 * a test can never hang on it.
 */
public final class FakeSmtpServer implements AutoCloseable {

    private final ServerSocket server;
    private final Thread acceptor;
    private volatile boolean closed;
    private volatile String rcptReply = "550 5.1.1 mailbox unavailable";
    private final AtomicInteger rcptCommands = new AtomicInteger();
    private final AtomicInteger dataCommands = new AtomicInteger();

    public FakeSmtpServer() throws IOException {
        this(0);
    }

    /** A server on that port of 127.0.0.1 (0: any free one). */
    public FakeSmtpServer(int port) throws IOException {
        server = new ServerSocket(port, 10, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::acceptLoop, "fake-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    public void replyToRcpt(String reply) {
        this.rcptReply = reply;
    }

    /** How many RCPT TO commands were received (one per delivery attempt here). */
    public int rcptCommands() {
        return rcptCommands.get();
    }

    public int dataCommands() {
        return dataCommands.get();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                if (closed) {
                    socket.close(); // accepted while closing: the caller already considers this server gone
                    return;
                }
                Thread session = new Thread(() -> serve(socket), "fake-smtp-session");
                session.setDaemon(true);
                session.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setSoTimeout(5_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = socket.getOutputStream();
            write(out, "220 fake.test ESMTP");
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.toUpperCase(Locale.ROOT);
                if (command.startsWith("EHLO") || command.startsWith("HELO")) {
                    write(out, "250 fake.test");
                } else if (command.startsWith("MAIL FROM")) {
                    write(out, "250 2.1.0 OK");
                } else if (command.startsWith("RCPT TO")) {
                    rcptCommands.incrementAndGet();
                    write(out, rcptReply);
                } else if (command.startsWith("DATA")) {
                    dataCommands.incrementAndGet();
                    write(out, "354 go ahead");
                    while ((line = in.readLine()) != null && !line.equals(".")) {
                        // swallow the message
                    }
                    write(out, "250 2.0.0 queued");
                } else if (command.startsWith("RSET") || command.startsWith("NOOP")) {
                    write(out, "250 2.0.0 OK");
                } else if (command.startsWith("QUIT")) {
                    write(out, "221 2.0.0 bye");
                    return;
                } else {
                    write(out, "502 5.5.2 command not implemented");
                }
            }
        } catch (IOException e) {
            // client went away or timed out: nothing to do
        }
    }

    private static void write(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /**
     * Stops listening and returns only once nothing on the port accepts connections any more. A thread blocked in
     * {@code accept()} keeps the listening socket alive until it is woken; on a busy machine a client connecting right
     * after {@code close()} could still be accepted and served (a CI run delivered a mail to a server the test had
     * closed), so this waits for the accepting thread to end.
     */
    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        try {
            acceptor.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (acceptor.isAlive()) {
            throw new IOException("the fake SMTP server's accepting thread did not stop within 10 s");
        }
    }
}
