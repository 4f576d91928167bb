package com.example.billing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

public class InvoiceStore {
    private static final String URL = "jdbc:postgresql://10.1.2.3:5432/billing";
    private static final String DB_USER = "billing";
    private static final String DB_PASSWORD = "B1ll!ng-Prod";

    public Connection open() throws SQLException {
        return DriverManager.getConnection(URL, DB_USER, DB_PASSWORD);
    }

    public boolean isAdmin(String role) {
        return "admin".equals(role);
    }
}
