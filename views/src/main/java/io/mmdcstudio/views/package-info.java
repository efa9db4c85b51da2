/** JavaFX components and view models. No DJL, no Jackson. */
package io.mmdcstudio.views;
