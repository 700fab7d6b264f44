package org.opendmp.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The Open DMP server: IHE XDS.b registry and repository behind mutual TLS, on the national
 * DMP's service paths. With no configuration it runs on an embedded H2 database and a
 * development PKI generated under the data directory.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class DmpServerApplication {

    public static void main(String[] args) {
        SpringApplication.run(DmpServerApplication.class, args);
    }
}
