package com.retail.recon.desk.api;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/openapi.json}: the OpenAPI 3 description of the desk's JSON API, a file written by hand
 * ({@code desk/openapi.json} on the class path); a test holds it to the paths the application maps.
 */
@RestController
class OpenApiController {

    static final String DESCRIPTION = "desk/openapi.json";

    @GetMapping("/api/openapi.json")
    ResponseEntity<Resource> openApi() {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(new ClassPathResource(DESCRIPTION));
    }
}
