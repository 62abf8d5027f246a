#define BOOST_TEST_MODULE xlsx
#include <boost/test/unit_test.hpp>
