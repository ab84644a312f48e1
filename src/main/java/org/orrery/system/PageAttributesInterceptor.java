package org.orrery.system;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.view.RedirectView;

/**
 * Gives a page about to be rendered the {@link PageAttributes} of every feature. Nothing happens for a handler that
 * writes its own answer (no view) or redirects (a redirect's model would become query parameters).
 */
@Configuration
class PageAttributesInterceptor implements WebMvcConfigurer, HandlerInterceptor {

    private final List<PageAttributes> contributors;

    PageAttributesInterceptor(List<PageAttributes> contributors) {
        this.contributors = List.copyOf(contributors);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
            ModelAndView page) {
        if (page == null || !page.hasView() || redirects(page)) {
            return;
        }
        Map<String, Object> model = page.getModel();
        for (PageAttributes contributor : this.contributors) {
            contributor.addTo(model, request);
        }
    }

    private static boolean redirects(ModelAndView page) {
        String name = page.getViewName();
        return name != null ? name.startsWith("redirect:") || name.startsWith("forward:")
                : page.getView() instanceof RedirectView;
    }
}
