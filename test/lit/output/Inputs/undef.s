# A reference nothing defines: a link with it fails after reading its inputs.
.text
  call missing
