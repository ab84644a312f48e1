package org.orrery.system;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The container's error page, answered in the format of the face the failed request was for, whatever its
 * {@code Accept} header says: a face's own {@link ErrorAnswer} where one owns the path, else the registry's HTML
 * page. Nothing about the failure itself is shown.
 */
@Controller
class ErrorPageController implements ErrorController {

    private final List<ErrorAnswer> faces;

    ErrorPageController(List<ErrorAnswer> faces) {
        this.faces = faces;
    }

    @RequestMapping("/error")
    ModelAndView error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer number && number >= 400 ? number : 500;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri == null ? "" : uri.toString().substring(Math.min(request.getContextPath().length(),
                uri.toString().length()));
        response.setStatus(status);
        for (ErrorAnswer face : this.faces) {
            if (face.owns(path)) {
                face.write(status, request, response);
                return null;
            }
        }
        ModelAndView page = new ModelAndView("error");
        page.addObject("status", status);
        return page;
    }
}
