package id.simpul.training.kimview;

/** training-service's reading of {@code id.simpul.kim.registered.v1}: what eligibility needs. */
record KimRegisteredPayload(String kimId, long version, String name, String villageCode, String status) {
}
