/** The confusion matrix of clusters against labels under the Hungarian mapping. */
package io.mmdcstudio.views.confusion;
