class S3Factory {
    AmazonS3 client() {
        // A positional secret key is found by the generic rule's table of credential arguments.
        // ruleid: secret.generic-token
        BasicAWSCredentials creds = new BasicAWSCredentials("AKIAIOSFODNN7EXAMPLE", "hRLeos47wGJkcU/0XXkHG5qJwv1MkAuYVbpS0Jso");
        // ok: secret.aws-secret-access-key
        String secretAccessKey = System.getenv("AWS_SECRET_ACCESS_KEY");
        return build(creds);
    }
}
