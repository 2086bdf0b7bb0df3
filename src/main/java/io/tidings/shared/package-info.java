/**
 * Small value types and error kinds every module may use. Open on purpose: it holds no behaviour
 * that belongs to a part of the product.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN, displayName = "Shared")
package io.tidings.shared;
