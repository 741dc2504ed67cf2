/** Real OpenSSH public keys made with ssh-keygen for tests (public halves only; the private halves were discarded). */
export const RSA_2048 =
    "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQDINWFLAFIRCc2IoGvVq3wF1r2RLBSLT3HiOjyjefGpb3RCyhu7XE7KYxB71pBPTzdI/Jiq+8dd/rPQmGXU1hN7xKuoyd9KXgD50slDEUsymv8WPRJ/bMP/b8JHko/YK21MJw7P2KxgGeM9EeXB1NaFsQlIUMio1L5aE9JpcA3xT0QB2yDeButx31jnDOyaFoqT0ghuCafLrgRPw5jn1cnzO8YWEHP2L5r9NJLRZmtN5R29xHMbPmhc+4z1ALkEe52m9uIQ6O1O+N/Z/V67nyHiGrEoDGYRkJt4klBpp3Clp+2imo3pVg+QxuhVQFkPvyDRIKLEvJ5P7GL6BsxRbkVD test2048@example";
export const RSA_4096 =
    "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAACAQC5ZO/ObDor7qZYwtwvLpCb8hyKN0TSFtrKrn3sGoc+UjgWpcAeM6nBxIjyTvbvG19DzY+ybrvJm1TVlgXgTHhgyzRjV59PcT/K5uBJcREvhWDFmsO9qzSAVD3EMLCXO+akcRLI7fCVotKccwACgVw6U7mF+R9YmA82VmXSylMgEB9s+UmqELsrdi2QYUN27OwPOKCzBXLl/HCHa738SjwOebY7UL2H7CeKstdEeU856o6EiYcQaVpNOGM9RCnkl8dL7iFBOgssovykUZ5EkOWaBVTwMFdbxB3TigZc7Mo1jIkwcU9VN0n34+kSkd/5jxBIY05hVt9lQdJ9RFAOVz+/eYKn8I/vYa/t6dxxMt6n50/qyAVorlPnc0rVHEDBau4qMTbX8zG2XElH6oTTr06T4Kn+XKPvkOhiGYgJRWMo9knUOhlclr3QO3wNif/YO1LMKz6DqcR6iNPUfCIeYJBHjxy+gdWyNbUhNCldPqyu6OUsp+OC7D+ba8mlFRTF7xxLfUl6fNu4R/MaE2R4zcZUcFLR/+VMgVNqQb57piW+UpcGCRD6gTFVea+za9pY8lCz09RH64i5f3pl/BmxdUuJARu7jD7YphC2FiinUPKTJxgLs+zkGxllzmeLdh5XIh28Ki8++htweSpIYpNTbyhGhqlfOEde1p7U053EFXox6Q== test4096@example";
export const RSA_1024 =
    "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAAAgQDpYJQZggeMSOx6a9/SqS3kyDjr/m4M00Z/c5cJNEngXG+aKC/Z6VZDiwGcE6JlipBFkXvTXxszQ4T6+l/d1YGW0m1vONBn177VJNT0w1D3bwTiTK6vtEoNQ02MrERxtjTIv4dxKgPXQULDLLNfMHv8LGwZELvZ4temDjVYdhkS2Q== test1024@example";
export const ED25519 = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFTrVJFzsTJwr2IrpckHip3GpOXLhQUbTOjpVuosArCM ed@example";
/** An ed25519 key body behind an ssh-rsa prefix: what a hand-edited key looks like. */
export const RSA_PREFIX_ED25519_BODY = ED25519.replace("ssh-ed25519", "ssh-rsa");
/** The shape of a private key file (not a real key). */
export const PRIVATE_KEY_TEXT =
    "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n-----END OPENSSH PRIVATE KEY-----\n";
