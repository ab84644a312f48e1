package org.orrery.sandbox;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.orrery.system.SandboxMode;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a reset and the requests of this node apart: each request runs under a shared hold, a reset under the
 * exclusive one. A reset therefore waits for the requests in flight to finish, and requests that arrive during a
 * reset wait for it (well under a second) and then see the reset database: no request sees half of each, so
 * none fails for it. Does nothing when sandbox mode is off.
 */
final class ResetGate extends OncePerRequestFilter {

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    private final SandboxMode sandbox;

    ResetGate(SandboxMode sandbox) {
        this.sandbox = sandbox;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !this.sandbox.enabled()
                || SandboxResetController.PATH.equals(request.getRequestURI().substring(request.getContextPath().length()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        this.lock.readLock().lock();
        try {
            chain.doFilter(request, response);
        }
        finally {
            this.lock.readLock().unlock();
        }
    }

    /** Runs the work alone, once the requests in flight have finished; false when they did not within the wait. */
    boolean alone(long waitMillis, Runnable work) throws InterruptedException {
        if (!this.lock.writeLock().tryLock(waitMillis, TimeUnit.MILLISECONDS)) {
            return false;
        }
        try {
            work.run();
            return true;
        }
        finally {
            this.lock.writeLock().unlock();
        }
    }
}
