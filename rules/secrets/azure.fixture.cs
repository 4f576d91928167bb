class Storage {
    // ruleid: secret.azure-storage-key
    const string Conn = "DefaultEndpointsProtocol=https;AccountName=acmeprod;AccountKey=pnLDSwHxk64vTghza2pqlud/w1Nw4KgEj/KY88bv8/LUTElkwmfMKKbtdIJYSFsA5jHL7lIecb7LAVFwxtktIv==;EndpointSuffix=core.windows.net";
    // ruleid: secret.azure-storage-key
    const string Bus = "Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=q47QSXg72vNy6Wgd4TYLC/y3OloR0gLSp5s+kxV5zZJ=";
    // ruleid: secret.azure-sas-token
    const string Backup = "https://acmeprod.blob.core.windows.net/backups?sv=2022-11-02&ss=b&srt=co&sp=rwl&se=2030-01-01T00:00:00Z&st=2024-01-01T00:00:00Z&spr=https&sig=4sDCtbHhaDaisASC5KLdCYa7lotSbB65sjBcKbBOsQx%3D";
    // ok: secret.azure-storage-key
    const string Dev = "UseDevelopmentStorage=true";
    // ok: secret.azure-storage-key
    const string Emulator = "AccountName=devstoreaccount1;AccountKey=<account-key>";
}
