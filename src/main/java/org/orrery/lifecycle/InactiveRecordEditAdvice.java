package org.orrery.lifecycle;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.orrery.record.RecordNotActiveException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** The researcher's record pages refuse edits to a record that is not active (a locked record cannot be edited). */
@ControllerAdvice(basePackages = "org.orrery.web")
class InactiveRecordEditAdvice {

    @ExceptionHandler(RecordNotActiveException.class)
    String refused(RecordNotActiveException ex, Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_CONFLICT);
        return LifecyclePages.message(model, "lifecycle.edit.title",
                List.of(PageLine.text("state-message", "lifecycle.edit.refused." + ex.state(), ex.orcid())));
    }
}
