#define BOOST_TEST_MODULE esfdraft report
#include <boost/test/unit_test.hpp>
