class ApiClient {
    // ruleid: secret.jwt
    private static final String TOKEN = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJtb2JpbGUtYXBwIiwiaWF0IjoxNzE2MjM5MDIyLCJyb2xlIjoic2VydmljZSJ9.vMMMWamBfmUqvHd9ywYLCabf2pVw90K23MaAB6aF6XU";
    // ok: secret.jwt
    private final String token = System.getenv("API_JWT");
}
